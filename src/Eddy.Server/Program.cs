using Eddy.Server;

await EddyServer.Create(args).RunAsync();
