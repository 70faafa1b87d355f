using Eddy.Drift;
using Eddy.Drift.Binary;
using Eddy.Specs;

namespace Eddy.Tests.Specs;

public sealed class DetectorSpecTests
{
    [Theory]
    [InlineData("ADWIN", "ADWIN(delta=0.002, clock=32, max_buckets=5, min_window_length=5, grace_period=10)")]
    [InlineData("drift.ADWIN(delta=0.01)", "ADWIN(delta=0.01, clock=32, max_buckets=5, min_window_length=5, grace_period=10)")]
    [InlineData("""{"PageHinkley": {"threshold": 20}}""", null)]
    public void ParseDetector_ExpressionOrJson_BuildsTheDetector(string text, string? repr)
    {
        DriftDetector detector = EstimatorCatalog.Default.ParseDetector(text);

        if (repr is not null)
        {
            Assert.Equal(repr, detector.ToString());
        }
        else
        {
            Assert.IsType<PageHinkley>(detector);
        }
    }

    [Fact]
    public void ParseDetector_EveryRegisteredName_Builds()
    {
        foreach (string name in EstimatorCatalog.Default.Names(ComponentFamily.DriftDetector))
        {
            Assert.NotNull(EstimatorCatalog.Default.ParseDetector(name));
        }

        Assert.IsType<HDDM_W>(EstimatorCatalog.Default.ParseDetector("HDDM_W(two_sided_test=True)"));
    }

    [Theory]
    [InlineData("ADWINN", "Unknown drift detector")]
    [InlineData("ADWIN(delta=-1)", "delta")]
    [InlineData("ADWIN, DDM", "one drift detector")]
    [InlineData("LogisticRegression", "Unknown drift detector")]
    public void ParseDetector_Bad_SpecException(string text, string message)
    {
        SpecException error = Assert.Throws<SpecException>(() => EstimatorCatalog.Default.ParseDetector(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
