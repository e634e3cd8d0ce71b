namespace RfmGraph.Sales.Tests;

/// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which races asserts).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
