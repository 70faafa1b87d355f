namespace Eddy.Preprocessing;

/// <summary>
/// One (feature, value) pair an encoder has learned: a categorical symbol, or the exact bits of a number
/// (so <c>-0.0</c> and <c>0.0</c> stay apart, as their Python spellings do).
/// </summary>
internal readonly record struct OneHotKey(int Feature, int Symbol, long Bits);
