/**
 * From a {@link io.tumorboard.model.cases.PatientCase} to the network's three inputs. Radiomics are harmonized
 * per site (ComBat-style location/scale, the documented stage group protected), robustly scaled and clipped;
 * pathology text becomes TF-IDF over a vocabulary of training text; clinical facts become numbers with
 * missing-value indicators, one-hot categories and the documented stage. A missing modality is an input (a
 * presence flag), never an error, and every doubtful value is kept as a warning on the encoded case. All
 * fitted state is a Jackson record, so it travels inside the model package and is reused exactly at
 * prediction time.
 */
package io.tumorboard.model.learning.features;
