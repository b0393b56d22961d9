/**
 * Streaming readers behind {@link org.clinicalingest.JsonInputFormat}: shape detection, the NDJSON
 * line reader, the JSON array reader and the mapping of tokens onto the model. Not API: it may
 * change in any release.
 */
package org.clinicalingest.internal.read;
