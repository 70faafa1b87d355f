using System.CommandLine;
using Eddy.Cli.Commands;

var root = new RootCommand("Eddy: a stateful online-learning model server. Predictions are reads, learning is writes.")
{
    EvaluateCommand.Create(),
};

return root.Parse(args).Invoke();
