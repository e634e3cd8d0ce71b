using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RfmGraph.Platform.Events;
using Xunit;

namespace RfmGraph.Platform.Tests.Events;

public sealed class IntegrationEventBusTests
{
    public sealed record Happened(int Number);

    public sealed record SomethingElse(string Text);

    private sealed class Journal
    {
        public List<string> Entries { get; } = [];
    }

    private sealed class First(Journal journal) : IIntegrationEventHandler<Happened>
    {
        public Task HandleAsync(Happened integrationEvent, CancellationToken cancellationToken)
        {
            journal.Entries.Add($"first:{integrationEvent.Number}");
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IIntegrationEventHandler<Happened>
    {
        public Task HandleAsync(Happened integrationEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler broke");
    }

    private sealed class Last(Journal journal) : IIntegrationEventHandler<Happened>
    {
        public Task HandleAsync(Happened integrationEvent, CancellationToken cancellationToken)
        {
            journal.Entries.Add($"last:{integrationEvent.Number}");
            return Task.CompletedTask;
        }
    }

    private sealed class Other(Journal journal) : IIntegrationEventHandler<SomethingElse>
    {
        public Task HandleAsync(SomethingElse integrationEvent, CancellationToken cancellationToken)
        {
            journal.Entries.Add("other:" + integrationEvent.Text);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_handler_of_the_type_runs_once_and_a_failing_one_is_logged_not_thrown()
    {
        var logs = new ListLogger();
        var services = new ServiceCollection()
            .AddSingleton<Journal>()
            .AddLogging(b => b.AddProvider(logs))
            .AddIntegrationEventHandler<Happened, First>()
            .AddIntegrationEventHandler<Happened, Failing>()
            .AddIntegrationEventHandler<Happened, Last>()
            .AddIntegrationEventHandler<Happened, Last>() // registered twice, runs once
            .AddIntegrationEventHandler<SomethingElse, Other>();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IIntegrationEventBus>().PublishAsync(new Happened(7));

        Assert.Equal(["first:7", "last:7"], provider.GetRequiredService<Journal>().Entries);
        var error = Assert.Single(logs.Messages, m => m.Level == LogLevel.Error);
        Assert.Equal("Integration event handler Failing failed on Happened; the other handlers still ran.", error.Text);
    }

    [Fact]
    public async Task An_event_nobody_handles_is_fine()
    {
        await using var provider = new ServiceCollection().AddLogging().AddIntegrationEvents().BuildServiceProvider();

        await provider.GetRequiredService<IIntegrationEventBus>().PublishAsync(new SomethingElse("unheard"));

        Assert.Empty(provider.GetServices<IIntegrationEventHandler<SomethingElse>>());
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add((logLevel, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }
}
