using Eddy.Trees.Splitters;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>
/// River's <c>tree.splitter</c> attribute observers, for the trees' and forests' <c>splitter</c>. The nominal
/// observers are chosen by the trees themselves, as in River, so they have no names here.
/// </summary>
internal static class BuiltinSplitters
{
    public static void Register(EstimatorCatalog catalog)
    {
        catalog.RegisterSplitter("GaussianSplitter", [Integer("n_splits", 10).WithMaximum(10_000)], a => new GaussianSplitter(a.GetInt32("n_splits")));
        catalog.RegisterSplitter("EBSTSplitter", [], _ => new EBSTSplitter());
        catalog.RegisterSplitter("TEBSTSplitter", [Integer("digits", 1)], a => new TEBSTSplitter(a.GetInt32("digits")));
    }
}
