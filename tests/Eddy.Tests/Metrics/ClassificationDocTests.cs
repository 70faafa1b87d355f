using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>River's docstring examples for the label metrics, with River's printed numbers.</summary>
public sealed class ClassificationDocTests
{
    private static readonly Label[] s_binaryTrue = [true, false, true, true, true];
    private static readonly Label[] s_binaryPred = [true, true, false, true, true];
    private static readonly Label[] s_multiTrue = [0, 1, 2, 2, 2];
    private static readonly Label[] s_multiPred = [0, 0, 2, 2, 1];

    [Fact]
    public void Accuracy_DocExample_Prints60Percent()
    {
        var metric = new Accuracy();
        Feed(metric, s_binaryTrue, s_binaryPred);
        MetricAssert.Printed("Accuracy: 60.00%", metric);
    }

    [Fact]
    public void Precision_DocExample_PrintsEachStep() =>
        AssertSteps(new Precision(), s_binaryTrue, s_binaryPred, "100.00%", "50.00%", "50.00%", "66.67%", "75.00%");

    [Fact]
    public void Recall_DocExample_PrintsEachStep() =>
        AssertSteps(new Recall(), s_binaryTrue, s_binaryPred, "100.00%", "100.00%", "50.00%", "66.67%", "75.00%");

    [Fact]
    public void F1_DocExample_Prints40Percent()
    {
        var metric = new F1();
        Feed(metric, [false, false, false, true, true, true], [false, false, true, true, false, false]);
        MetricAssert.Printed("F1: 40.00%", metric);
    }

    [Fact]
    public void FBeta_Beta2DocExample_Prints35Point71Percent()
    {
        var metric = new FBeta(2);
        Feed(metric, [false, false, false, true, true, true], [false, false, true, true, false, false]);
        MetricAssert.Printed("FBeta: 35.71%", metric);
    }

    [Fact]
    public void MacroF1_DocExample_PrintsEachStep() =>
        AssertSteps(new MacroF1(), s_multiTrue, s_multiPred, "100.00%", "33.33%", "55.56%", "55.56%", "48.89%");

    [Fact]
    public void WeightedF1_DocExample_PrintsEachStep() =>
        AssertSteps(new WeightedF1(), s_multiTrue, s_multiPred, "100.00%", "33.33%", "55.56%", "66.67%", "61.33%");

    [Fact]
    public void MicroF1_DocExample_Prints60Percent()
    {
        var metric = new MicroF1();
        Feed(metric, [0, 1, 2, 2, 0], [0, 1, 1, 2, 1]);
        MetricAssert.Printed("MicroF1: 60.00%", metric);
    }

    [Fact]
    public void BalancedAccuracy_BothDocExamples_Print62Point5Percent()
    {
        var booleans = new BalancedAccuracy();
        Feed(booleans, [true, false, true, true, false, true], [true, false, true, true, true, false]);
        MetricAssert.Printed("BalancedAccuracy: 62.50%", booleans);

        var integers = new BalancedAccuracy();
        Feed(integers, [0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]);
        MetricAssert.Printed("BalancedAccuracy: 62.50%", integers);
    }

    [Fact]
    public void CohenKappa_DocExample_Prints42Point86Percent()
    {
        var metric = new CohenKappa();
        Feed(metric, ["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"]);
        MetricAssert.Printed("CohenKappa: 42.86%", metric);
    }

    [Fact]
    public void Mcc_DocExample_PrintsMinusOneThird()
    {
        var metric = new Mcc();
        Feed(metric, [true, true, true, false], [true, false, true, true]);
        MetricAssert.Number("-0.333333", metric.Value);
        MetricAssert.Printed("MCC: -0.333333", metric);
    }

    [Fact]
    public void ConfusionMatrix_DocExample_CountsAndTable()
    {
        var cm = new ConfusionMatrix();
        Feed(cm, ["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"]);
        Assert.Equal(1.0, cm["bird", "cat"]);
        Assert.Equal(2.0, cm["ant", "ant"]);
        Assert.Equal(4.0, cm.TotalTruePositives);
        string[] lines = cm.ToTable().Split('\n');
        Assert.Equal("       ant  bird   cat", lines[0].TrimEnd());
        Assert.Equal(" ant     2     0     0", lines[1].TrimEnd());
        Assert.Equal("bird     0     0     1", lines[2].TrimEnd());
    }

    [Fact]
    public void BinaryMetrics_IntegerLabels_SameAsBooleans()
    {
        var booleans = new F1();
        var integers = new F1();
        Feed(booleans, [false, true, true, false], [true, true, false, false]);
        Feed(integers, [0, 1, 1, 0], [1, 1, 0, 0]);
        Assert.Equal(booleans.Value, integers.Value);
        Assert.Equal(0.5, integers.Value);
    }

    [Fact]
    public void Precision_TextPosVal_CountsThatClassAsPositive()
    {
        var metric = new Precision("yes");
        Feed(metric, ["yes", "no", "yes"], ["yes", "yes", "no"]);
        Assert.Equal(0.5, metric.Value);
    }

    internal static void Feed(ClassificationMetric metric, Label[] yTrue, Label[] yPred)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
        }
    }

    private static void AssertSteps(ClassificationMetric metric, Label[] yTrue, Label[] yPred, params string[] printed)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
            Assert.Equal($"{metric.Name}: {printed[i]}", metric.ToString());
        }
    }
}
