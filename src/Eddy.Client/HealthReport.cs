namespace Eddy.Client;

/// <summary><c>/healthz</c> (<c>ok</c>) or <c>/readyz</c> (<c>ready</c>, or <c>starting</c> with a 503).</summary>
public sealed class HealthReport
{
    public string Status { get; init; } = "";

    public int? Models { get; init; }

    public bool IsReady => Status is "ok" or "ready";
}
