// Composition root. Every verb (serve is the default) lives in its own file under Cli/;
// the web application is put together in Web/RfmWebApplication.cs.
return await RfmGraph.Host.Cli.CommandLineApp.RunAsync(args);

/// <summary>Entry point type, public so in-process tests can host the app (WebApplicationFactory&lt;Program&gt;).</summary>
#pragma warning disable CA1515 // WebApplicationFactory<Program> in the test project needs it public.
public partial class Program;
#pragma warning restore CA1515
