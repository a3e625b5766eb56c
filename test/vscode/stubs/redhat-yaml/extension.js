// @ts-check
// Test stub of Red Hat YAML (redhat.vscode-yaml): exports its schema contributor API and a command the
// tests call to see which schema a file would be validated against. Not shipped.
'use strict';
const vscode = require('vscode');

/** @type {Map<string, {requestSchema: (r: string) => string | undefined, requestSchemaContent: (u: string) => string | Promise<string>}>} */
const contributors = new Map();

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('redhatYamlStub.schemaFor', async (resource) => {
      for (const [scheme, c] of contributors) {
        const uri = c.requestSchema(String(resource));
        if (uri) return { contributor: scheme, uri, content: JSON.parse(await c.requestSchemaContent(uri)) };
      }
      return undefined;
    }),
  );
  return {
    registerContributor(schema, requestSchema, requestSchemaContent) {
      if (contributors.has(schema)) return false;
      contributors.set(schema, { requestSchema, requestSchemaContent });
      return true;
    },
  };
};
exports.deactivate = function deactivate() {};
