using Eddy.Base;
using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim.Losses;

public sealed class CrossEntropyLossTests
{
    [Fact]
    public void LossAndGradient_RiverDocstring_MatchRiver()
    {
        int[] yTrue = [0, 1, 2, 2];
        double[][] yPred =
        [
            [0.29450637, 0.34216758, 0.36332605],
            [0.21290077, 0.32728332, 0.45981591],
            [0.42860913, 0.33380113, 0.23758974],
            [0.44941979, 0.32962558, 0.22095463],
        ];
        double[] losses = [1.222454, 1.116929, 1.437209, 1.509797];
        double[][] gradients =
        [
            [-0.70549363, 0.34216758, 0.36332605],
            [0.21290077, -0.67271668, 0.45981591],
            [0.42860913, 0.33380113, -0.76241026],
            [0.44941979, 0.32962558, -0.77904537],
        ];
        var loss = new CrossEntropyLoss();
        Label[] classes = [0, 1, 2];
        var probabilities = new ClassProbabilities();
        Span<double> gradient = stackalloc double[3];
        for (int i = 0; i < yTrue.Length; i++)
        {
            probabilities.Clear();
            for (int c = 0; c < 3; c++)
            {
                probabilities.Add(classes[c], yPred[i][c]);
            }

            Assert.InRange(loss.Loss(yTrue[i], probabilities), losses[i] - 1e-6, losses[i] + 1e-6);
            loss.Gradient(yTrue[i], classes, yPred[i], gradient);
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(gradients[i][c], gradient[c], 12);
            }
        }
    }

    [Fact]
    public void Gradient_ClassWeightAndUnseenClass_WeightedAndClamped()
    {
        var loss = new CrossEntropyLoss(new Dictionary<Label, double> { ["a"] = 2.0 });
        Label[] classes = ["a", "b"];
        Span<double> gradient = stackalloc double[2];
        loss.Gradient("a", classes, [0.0, 1.0], gradient);
        Assert.Equal(2.0 * (1e-15 - 1), gradient[0]);
        Assert.Equal(1 - 1e-15, gradient[1]);
        Assert.Equal(0.0, loss.Loss("z", new ClassProbabilities()));
    }
}
