using Eddy.Server;
using Eddy.Server.Persistence;

try
{
    await EddyServer.Create(args).RunAsync();
    return 0;
}
catch (ModelLoadException e)
{
    // A clear message, not a stack trace: the configured model is the operator's to fix.
    Console.Error.WriteLine($"eddy: {e.Message}");
    return 2;
}
