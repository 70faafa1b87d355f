using System.CommandLine;
using Eddy.Cli.Commands;

var root = new RootCommand("Eddy: a stateful online-learning model server. Predictions are reads, learning is writes.")
{
    ServeCommand.Create(),
    EvaluateCommand.Create(),
    TrainCommand.Create(),
    BackupCommands.CreateBackup(),
    BackupCommands.CreateRestore(),
    ReplayCommand.Create(),
    IngestCommand.Create(),
};

// '@file.json' names a JSON model spec, so System.CommandLine's response files are turned off.
return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).Invoke();
