/**
 * The model zoo: {@code samples/zoo.json}, trained checkpoints of every backbone and pattern on one task
 * grid, with how each was trained and how well it recalls. The app opens on the zoo's +HAX model and
 * scenarios name zoo models by id. Reading checks every field and names the one that is wrong.
 */
package org.haxlab.app.zoo;
