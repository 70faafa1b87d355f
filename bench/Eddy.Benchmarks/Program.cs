using BenchmarkDotNet.Running;
using Eddy.Benchmarks.Durability;

// Console commands for what BenchmarkDotNet cannot time (a server, a data directory); anything else goes to it.
return args.FirstOrDefault() switch
{
    "recovery" => await RecoveryBenchmark.RunAsync(new CommandOptions(args)),
    "append" => await AppendBenchmark.RunAsync(new CommandOptions(args)),
    "scaleout" => await Eddy.Benchmarks.ScaleOut.ScaleOutBenchmark.RunAsync(new CommandOptions(args)),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Eddy.Benchmarks.Linear.PredictLearnBenchmarks).Assembly).Run(args);
    return 0;
}
