namespace Eddy.Evaluate;

/// <summary>
/// One row of River's <c>iter_progressive_val_score</c>: after <see cref="Step"/> examples, each metric's value,
/// the time spent and the model's size.
/// </summary>
/// <param name="Step">Examples processed so far.</param>
/// <param name="Scored">Predictions that reached the metrics (a model with nothing to say is skipped).</param>
/// <param name="Values">Metric values, in the order the metrics were given.</param>
/// <param name="Elapsed">Wall time spent predicting and learning so far.</param>
/// <param name="ModelBytes">Size of the model's saved state, Eddy's measure of model memory.</param>
public sealed record Checkpoint(long Step, long Scored, IReadOnlyList<double> Values, TimeSpan Elapsed, long ModelBytes);
