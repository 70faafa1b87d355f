using Eddy.Base;

namespace Eddy.Tests.Conformance;

/// <summary>Every public estimator must inherit the conformance suite; none may slip through (River 0.26's lesson).</summary>
public sealed class ConformanceCoverageTests
{
    [Fact]
    public void EveryPublicEstimator_HasAConformanceSubclass()
    {
        var covered = new HashSet<Type>();
        foreach (Type type in typeof(ConformanceCoverageTests).Assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(EstimatorConformance).IsAssignableFrom(type))
            {
                var suite = (EstimatorConformance)Activator.CreateInstance(type)!;
                covered.Add(suite.EstimatorType);
            }
        }

        var missing = new List<string>();
        foreach (Type type in typeof(Estimator).Assembly.GetExportedTypes())
        {
            if (!type.IsAbstract && typeof(Estimator).IsAssignableFrom(type) && !covered.Contains(type))
            {
                missing.Add(type.FullName!);
            }
        }

        Assert.True(missing.Count == 0, "Estimators without a conformance suite: " + string.Join(", ", missing));
    }
}
