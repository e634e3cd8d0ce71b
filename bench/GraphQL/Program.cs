// GraphQL engine benchmarks (bench/README.md, docs/benchmarks.md "GraphQL engine"):
//   dotnet run -c Release --project bench/GraphQL -- serve --urls http://127.0.0.1:5090   the endpoint run-graphql-bench.sh measures
//   dotnet run -c Release --project bench/GraphQL -- micro [BenchmarkDotNet args]           parse / validate / execute of query (b)
using BenchmarkDotNet.Running;
using RfmGraph.Bench.GraphQL;

var verb = args.Length > 0 ? args[0] : "serve";
switch (verb)
{
    case "serve":
        var urlsAt = Array.IndexOf(args, "--urls");
        return await BenchServer.RunAsync(urlsAt > 0 && urlsAt + 1 < args.Length ? args[urlsAt + 1] : "http://127.0.0.1:5090");
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args[1..].Length > 0 ? args[1..] : ["--filter", "*"]);
        return 0;
    default:
        Console.Error.WriteLine("usage: serve [--urls URL] | micro [BenchmarkDotNet arguments]");
        return 2;
}
