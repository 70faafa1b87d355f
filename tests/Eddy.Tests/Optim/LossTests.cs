using Eddy.Base;
using Eddy.Optim.Losses;

namespace Eddy.Tests.Optim;

/// <summary>River's docstring examples for the regression and binary losses.</summary>
public sealed class LossTests
{
    [Fact]
    public void Absolute_RiverDocstring_LossAndGradients()
    {
        var loss = new AbsoluteLoss();
        Assert.Equal(84.0, loss.Loss(-42, 42));
        Assert.Equal(1.0, loss.Gradient(1, 2));
        Assert.Equal(-1.0, loss.Gradient(2, 1));
        Assert.Equal(-1.0, loss.Gradient(2, 2));
    }

    [Fact]
    public void Squared_RiverDocstring_LossAndGradients()
    {
        var loss = new SquaredLoss();
        Assert.Equal(81.0, loss.Loss(-4, 5));
        Assert.Equal(18.0, loss.Gradient(-4, 5));
        Assert.Equal(-18.0, loss.Gradient(5, -4));
        Assert.Equal(3.5, loss.MeanFunction(3.5));
    }

    [Fact]
    public void Huber_InsideAndOutsideTheBand_QuadraticThenLinear()
    {
        var loss = new HuberLoss(epsilon: 1.0);
        Assert.Equal(0.125, loss.Loss(0, 0.5));
        Assert.Equal(0.5, loss.Gradient(0, 0.5));
        Assert.Equal((1.0 * 3.0) - 0.5, loss.Loss(0, 3));
        Assert.Equal(1.0, loss.Gradient(0, 3));
        Assert.Equal(-1.0, loss.Gradient(0, -3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLoss(0));
    }

    [Fact]
    public void Hinge_RiverDocstring_LossAndGradient()
    {
        var loss = new HingeLoss(threshold: 1);
        Assert.Equal(0.8, loss.Loss(1, .2), 15);
        Assert.Equal(-1.0, loss.Gradient(1, .2));
    }

    [Fact]
    public void Hinge_PerceptronThreshold_MarginCountsAsMistake()
    {
        var loss = new HingeLoss(threshold: 0);
        Assert.Equal(-1.0, loss.Gradient(1, 0));
        Assert.Equal(1.0, loss.Gradient(0, 0));
        Assert.Equal(0.0, loss.Gradient(1, 0.1));
        Assert.Equal(0.0, loss.Gradient(0, -0.1));
        Assert.Equal("Hinge(threshold=0)", loss.ToString());
    }

    [Fact]
    public void CrossEntropy_RiverDocstring_LossesAndGradients()
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
    public void CrossEntropy_ClassWeightAndUnseenClass_WeightedAndClamped()
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
