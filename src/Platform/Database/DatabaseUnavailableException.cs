namespace RfmGraph.Platform.Database;

/// <summary>
/// No database could be reached or started. The message is one sentence a person can act on
/// (what to install or set); the Host prints it and exits.
/// </summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string message) : base(message) { }
    public DatabaseUnavailableException(string message, Exception inner) : base(message, inner) { }
    public DatabaseUnavailableException() { }
}
