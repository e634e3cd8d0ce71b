using System.Diagnostics;

namespace RfmGraph.Bench.Scoring;

/// <summary>Samples this process's resident set every 50 ms: the run must not pull rows into the Host.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public RssSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

    public long PeakMegabytes => Interlocked.Read(ref _peak) / (1024 * 1024);

    public static long ProcessPeakMegabytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64 / (1024 * 1024);
        }
    }

    public void Reset() => Interlocked.Exchange(ref _peak, 0);

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var rss = process.WorkingSet64;
        long current;
        do
        {
            current = Interlocked.Read(ref _peak);
        }
        while (rss > current && Interlocked.CompareExchange(ref _peak, rss, current) != current);
    }

    public void Dispose() => _timer.Dispose();
}
