using System.Runtime.CompilerServices;

namespace Eddy.Serialization;

/// <summary>Builds a <see cref="StateReader.Require(bool, ref RequireMessageHandler)"/> message only when the check fails.</summary>
[InterpolatedStringHandler]
public ref struct RequireMessageHandler
{
    private DefaultInterpolatedStringHandler _message;

    public RequireMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        shouldAppend = !condition;
        _message = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string value) => _message.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _message.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _message.AppendFormatted(value, format);

    public string ToStringAndClear() => _message.ToStringAndClear();
}
