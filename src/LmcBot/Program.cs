using System.Text;
using LmcBot.Cli;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
return await LmcBotCli.RunAsync(args);
