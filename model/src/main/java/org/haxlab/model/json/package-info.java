/**
 * Typed reading of hand-editable JSON documents (run records, scenario files) with errors that name
 * the offending field by its path, e.g. {@code models[0].config.sparse.budget}. A leaf: Gson only.
 */
package org.haxlab.model.json;
