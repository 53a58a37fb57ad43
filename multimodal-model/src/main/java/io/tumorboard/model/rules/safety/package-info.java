/**
 * Safety checks on planned imaging: iodinated or gadolinium contrast with a prior contrast reaction or impaired
 * renal function (ACR Manual on Contrast Media), MRI with an implanted device by its ASTM F2503 label, and
 * ionising radiation in pregnancy (ACR-SPR practice parameter).
 *
 * <p>Here recall matters more than precision: a missed safety flag can harm a patient, an extra one costs a
 * minute. So a procedure counts as contrast-enhanced, MRI or ionising when either its coded fields or its
 * description say so, and missing information a safe scan depends on (an unlabelled device, no recent eGFR
 * above 60 years, an unrecorded pregnancy status at reproductive age) raises a warning rather than nothing.
 */
package io.tumorboard.model.rules.safety;
