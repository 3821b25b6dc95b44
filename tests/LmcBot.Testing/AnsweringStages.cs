// The answering stages' namespaces (each folder of src/LmcBot.Core/Answering), for code that reads their internals.
global using LmcBot.Core.Answering.Retrieval;
