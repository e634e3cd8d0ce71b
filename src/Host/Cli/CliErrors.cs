using Microsoft.Extensions.Options;
using RfmGraph.Platform.Database;

namespace RfmGraph.Host.Cli;

/// <summary>Turns the failures a user can fix into short messages instead of stack traces.</summary>
internal static class CliErrors
{
    /// <summary>Exit code for configuration or environment problems.</summary>
    public const int ExitCode = 2;

    public static bool TryDescribe(Exception exception, out string message)
    {
        switch (exception)
        {
            case DatabaseUnavailableException unavailable:
                message = unavailable.Message;
                return true;
            case OptionsValidationException invalid:
                message = "Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, invalid.Failures.Select(f => "  - " + f));
                return true;
            case AggregateException { InnerExceptions.Count: > 0 } aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException):
                message = "Invalid configuration:" + Environment.NewLine + string.Join(
                    Environment.NewLine, aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Select(f => "  - " + f));
                return true;
            default:
                message = string.Empty;
                return false;
        }
    }
}
