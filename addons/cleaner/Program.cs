using Addons.Cleaner.Service;

return await CleanerProgram.RunAsync(args, Environment.GetEnvironmentVariable, CancellationToken.None);
