using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Server.Tests.Support;

/// <summary>In-process replays of the seed model, to compare with what a server reports.</summary>
internal static class Replays
{
    /// <summary>
    /// The <c>stateChecksum</c> of the seed model after learning the first <paramref name="rows"/> rows of
    /// <paramref name="data"/> (read again from the start when <paramref name="rows"/> is larger).
    /// </summary>
    public static string SeedChecksum(Dataset data, int rows)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new StandardScaler() | new LogisticRegression();
        for (int row = 0; row < rows; row++)
        {
            data.Fill(row % data.Count, x);
            model.LearnOne(x, data.Target(row % data.Count));
        }

        return Checksum(model, schema);
    }

    public static string Checksum(Estimator model, FeatureSchema schema) =>
        Crc32C.Compute(EstimatorSnapshot.Save(model, schema)).ToString("x8", CultureInfo.InvariantCulture);
}
