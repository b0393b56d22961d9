/**
 * Implementation of {@link org.clinicalingest.store.postgres.PostgresCopyWriter}; not API, may
 * change in any release.
 */
package org.clinicalingest.store.postgres.internal;
