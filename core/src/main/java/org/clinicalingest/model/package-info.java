/**
 * The input records of FORMAT.md: {@link org.clinicalingest.model.Patient} with its nested {@link
 * org.clinicalingest.model.Encounter}s and {@link org.clinicalingest.model.Observation}s, carrying
 * the Bean Validation constraints of every rule.
 */
package org.clinicalingest.model;
