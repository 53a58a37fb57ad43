package io.tumorboard.model.learning.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiscreteTimeHazardLossTest {

    private final DiscreteTimeHazardLoss loss = new DiscreteTimeHazardLoss();
    private final ActivationSigmoid sigmoid = new ActivationSigmoid();

    @Test
    void intervalsAfterDeathOrCensoringAddNeitherLossNorGradient() {
        INDArray labels = Nd4j.createFromArray(new double[][] {{0, 1, -1, -1}});
        INDArray preOutput = Nd4j.createFromArray(new double[][] {{0.3, -0.2, 5.0, -5.0}});
        INDArray gradient = loss.computeGradient(labels, preOutput, sigmoid, null);
        assertThat(gradient.getDouble(0, 2)).isZero();
        assertThat(gradient.getDouble(0, 3)).isZero();
        double h0 = 1 / (1 + Math.exp(-0.3));
        double h1 = 1 / (1 + Math.exp(0.2));
        assertThat(loss.computeScore(labels, preOutput, sigmoid, null, false))
                .isCloseTo(-Math.log(1 - h0) - Math.log(h1), within(1e-5));
    }

    @Test
    void theGradientMatchesFiniteDifferencesOfTheScore() {
        INDArray labels = Nd4j.createFromArray(new double[][] {{0, 0, 1}, {0, -1, -1}});
        INDArray preOutput = Nd4j.createFromArray(new double[][] {{0.1, -0.4, 0.7}, {1.2, 0.3, -0.6}});
        INDArray analytic = loss.computeGradient(labels, preOutput, sigmoid, null);
        double eps = 1e-6;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                INDArray plus = preOutput.dup();
                plus.putScalar(r, c, plus.getDouble(r, c) + eps);
                INDArray minus = preOutput.dup();
                minus.putScalar(r, c, minus.getDouble(r, c) - eps);
                double numeric = (loss.computeScore(labels, plus, sigmoid, null, false)
                        - loss.computeScore(labels, minus, sigmoid, null, false)) / (2 * eps);
                assertThat(analytic.getDouble(r, c)).isCloseTo(numeric, within(1e-4));
            }
        }
    }

    @Test
    void oneCasesLossFromItsHazardsIsTheNetworksScore() {
        INDArray labels = Nd4j.createFromArray(new double[][] {{0, 0, 1, -1}});
        INDArray preOutput = Nd4j.createFromArray(new double[][] {{0.1, -0.4, 0.7, 2.0}});
        float[] hazards = sigmoid.getActivation(preOutput.dup(), false).toFloatVector();
        assertThat(DiscreteTimeHazardLoss.negativeLogLikelihood(hazards, labels.toFloatVector()))
                .isCloseTo(loss.computeScore(labels, preOutput, sigmoid, null, false), within(1e-5));
    }

    @Test
    void aMaskedExampleContributesNothing() {
        INDArray labels = Nd4j.createFromArray(new double[][] {{1, -1}, {0, 1}});
        INDArray preOutput = Nd4j.createFromArray(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}}).castTo(DataType.DOUBLE);
        INDArray perExample = loss.computeScoreArray(labels, preOutput, sigmoid, mask);
        assertThat(perExample.getDouble(1, 0)).isZero();
        assertThat(perExample.getDouble(0, 0)).isPositive();
    }
}
