using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Tests.Datasets;

public sealed class LibsvmTableTests
{
    [Fact]
    public void Build_RiverDocstring_SparseRowsAndIntegerTargets()
    {
        // River's iter_libsvm docstring: 1 {'x': -134.26, 'y': 0.2563} / 1 {'x': -12.0, 'z': 0.3} / -1 {'y': 0.25}.
        using var reader = new StringReader("+1 x:-134.26 y:0.2563\n1 x:-12 z:0.3\n-1 y:.25\n");
        Dataset d = LibsvmTable.Build("doc", TaskKind.Regression, reader, TableBuilder.IntegerLabel);
        Assert.Equal(["x", "y", "z"], d.FeatureNames);
        Assert.Equal([Label.FromInteger(1), Label.FromInteger(1), Label.FromInteger(-1)], [d.Target(0), d.Target(1), d.Target(2)]);
        Assert.Equal((true, -134.26, true, 0.2563, false), (d.IsPresent(0, 0), d.NumberAt(0, 0), d.IsPresent(0, 1), d.NumberAt(0, 1), d.IsPresent(0, 2)));
        Assert.Equal((false, true, 0.25), (d.IsPresent(2, 0), d.IsPresent(2, 1), d.NumberAt(2, 1)));

        var x = new FeatureVector(new FeatureSchema());
        d.Fill(1, x);
        Assert.Equal("{'x': -12, 'z': 0.3}", x.ToString());
    }

    [Fact]
    public void Build_CommentsAndTrailingSpaces_Ignored()
    {
        using var reader = new StringReader("1 a:1 b:2   # a comment\n\n0 a:3 \n");
        Dataset d = LibsvmTable.Build("c", TaskKind.BinaryClassification, reader, s => Label.FromBoolean(s == "1"));
        Assert.Equal(2, d.Count);
        Assert.Equal(["a", "b"], d.FeatureNames);
        Assert.Equal(Label.False, d.Target(1));
    }

    [Fact]
    public void Build_PairWithoutColon_Throws()
    {
        using var reader = new StringReader("1 a:1 b\n");
        Assert.Throws<InvalidDataException>(() => LibsvmTable.Build("bad", TaskKind.Regression, reader, TableBuilder.NumberLabel));
    }
}
