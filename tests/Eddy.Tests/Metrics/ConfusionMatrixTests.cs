using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Update_DocExample_CountsAndTable()
    {
        var cm = new ConfusionMatrix();
        MetricFeed.Pairs(cm, ["cat", "ant", "cat", "cat", "ant", "bird"], ["ant", "ant", "cat", "cat", "ant", "cat"]);
        Assert.Equal(1.0, cm["bird", "cat"]);
        Assert.Equal(2.0, cm["ant", "ant"]);
        Assert.Equal(4.0, cm.TotalTruePositives);
        string[] lines = cm.ToTable().Split('\n');
        Assert.Equal("       ant  bird   cat", lines[0].TrimEnd());
        Assert.Equal(" ant     2     0     0", lines[1].TrimEnd());
        Assert.Equal("bird     0     0     1", lines[2].TrimEnd());
    }
}
