using Eddy.Drift;
using Eddy.Serialization;

namespace Eddy.Trees;

/// <summary>
/// A Hoeffding adaptive tree node's error watch: the drift signal and the error estimate (rate and number of
/// observations) that weight predictions and decide alternate switches.
/// </summary>
/// <remarks>
/// With an <see cref="ADWIN"/> detector (the default) the node keeps River 0.12.1's ADWIN window, whose mean and width
/// are the estimate: this reproduces River 0.12.1's numbers. Any other detector works as in current River: the
/// detector only signals drifts and a running mean of the errors, restarted on drifts, is the estimate.
/// </remarks>
internal sealed class ErrorMonitor
{
    private const byte StateVersion = 1;
    private readonly LegacyAdwinWindow? _window;
    private readonly DriftDetector? _detector;
    private double _count;
    private double _mean;

    public ErrorMonitor(DriftDetector template)
    {
        if (template is ADWIN adwin)
        {
            _window = new LegacyAdwinWindow(adwin);
        }
        else
        {
            _detector = template.CloneFresh();
        }
    }

    private ErrorMonitor(LegacyAdwinWindow? window, DriftDetector? detector, double count, double mean)
    {
        _window = window;
        _detector = detector;
        _count = count;
        _mean = mean;
    }

    /// <summary>River's <c>error_estimation</c> (0.12.1) or <c>_mean_error.get()</c>.</summary>
    public double Estimation => _window?.Estimation ?? _mean;

    /// <summary>River's <c>error_width</c> (0.12.1) or <c>_mean_error.n</c>.</summary>
    public double Width => _window?.Width ?? _count;

    /// <summary>
    /// Feeds one error (0 or 1). Returns River's <c>error_change</c>: a drift while the error did not decrease.
    /// <paramref name="restartOnChange"/>: branches restart the running mean on every drift they act upon.
    /// </summary>
    public bool Update(double error, bool restartOnChange)
    {
        double old = Estimation;
        if (_window is not null)
        {
            return _window.Update(error) && !(old > _window.Estimation);
        }

        _detector!.Update(error);
        _count += 1;
        _mean += 1.0 / _count * (error - _mean);
        if (!_detector.DriftDetected)
        {
            return false;
        }

        bool change = !(old > _mean);
        if (!change || restartOnChange)
        {
            _count = 0;
            _mean = 0;
        }

        return change;
    }

    public long EstimateBytes() => 32 + (_window?.EstimateBytes() ?? 64);

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(ErrorMonitor), StateVersion);
        writer.WriteBoolean(_window is not null);
        if (_window is not null)
        {
            _window.WriteState(writer);
            return;
        }

        _detector!.WriteState(writer);
        writer.WriteDouble(_count);
        writer.WriteDouble(_mean);
    }

    public static ErrorMonitor Read(StateReader reader, DriftDetector template)
    {
        reader.ReadHeader(nameof(ErrorMonitor), StateVersion);
        bool windowed = reader.ReadBoolean();
        StateReader.Require(windowed == template is ADWIN, "A tree node's error monitor does not match the drift detector.");
        if (windowed)
        {
            return new ErrorMonitor(LegacyAdwinWindow.Read(reader, (ADWIN)template), null, 0, 0);
        }

        DriftDetector detector = template.CloneFresh();
        detector.ReadState(reader);
        double count = reader.ReadDouble();
        double mean = reader.ReadDouble();
        StateReader.Require(count >= 0 && double.IsFinite(mean), "Invalid error mean in a tree node.");
        return new ErrorMonitor(null, detector, count, mean);
    }
}
