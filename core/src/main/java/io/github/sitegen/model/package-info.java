/** The immutable site model: records built by the content loader and read by templates. */
package io.github.sitegen.model;
