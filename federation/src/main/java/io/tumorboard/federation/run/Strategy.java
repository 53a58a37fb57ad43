package io.tumorboard.federation.run;

/** How the coordinator combines the sites' updates into the next global model. */
public enum Strategy {
    /** Mean of the updates weighted by example count (McMahan et al., AISTATS 2017). */
    FED_AVG,
    /** FedAvg aggregation; sites add the proximal term mu/2 ||w - w_global||^2 (Li et al., MLSys 2020). */
    FED_PROX,
    /** Adam on the server over the weighted mean update (Reddi et al., ICLR 2021, Algorithm 2). */
    FED_ADAM,
    /** Coordinate-wise median of the updates, unweighted (Yin et al., ICML 2018). */
    COORDINATE_MEDIAN,
    /** Coordinate-wise mean after dropping a fraction at each end, unweighted (Yin et al., ICML 2018). */
    TRIMMED_MEAN
}
