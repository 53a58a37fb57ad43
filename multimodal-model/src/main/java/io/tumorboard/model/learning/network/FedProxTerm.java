package io.tumorboard.model.learning.network;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The FedProx proximal term (Li et al., MLSys 2020): adds μ (w − w_global) to the gradient of every local step,
 * the gradient of (μ/2)‖w − w_global‖², so a site's local epochs cannot drift far from the global model on
 * its non-IID data. DL4J calls {@code onGradientCalculation} after back-propagation and before the updater
 * reads the gradient, so the term passes through Adam like any other gradient.
 */
public final class FedProxTerm extends BaseTrainingListener {

    private final double mu;
    private final INDArray global;

    public FedProxTerm(double mu, INDArray globalParameters) {
        this.mu = mu;
        this.global = globalParameters.dup();
    }

    @Override
    public void onGradientCalculation(Model model) {
        INDArray gradient = model.gradient().gradient();
        gradient.addi(model.params().sub(global).muli(mu));
    }
}
