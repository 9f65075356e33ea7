/** Writing the preview document's JSON, field by field. */
package io.github.alertrouter.internal.preview;
