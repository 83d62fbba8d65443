/**
 * Scenario files: a sequence, one to four models (with optional checkpoints), the view state and a
 * teaching note, saved as versioned JSON so a lesson can be reopened exactly as it was left.
 * Loading checks every field and names the one that is wrong; saving is atomic.
 */
package org.haxlab.app.scenario;
