using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Eddy.Benchmarks.Linear.PredictLearnBenchmarks).Assembly).Run(args);
