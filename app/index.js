// Handlebars template of the app's main module (build.js fills in the extension lists from
// package.json's "jupyterlab" block): registers the built-in plugins and the prebuilt ones the
// server lists in the page config, then starts JupyterLab.
import { PageConfig, JupyterPluginRegistry } from '@jupyterlab/coreutils';

import './style.js';

async function federatedModule(scope, module) {
  const factory = await window._JUPYTERLAB[scope].get(module);
  const instance = factory();
  instance.__scope__ = scope;
  return instance;
}

function pluginsOf(extension) {
  const exports = Object.prototype.hasOwnProperty.call(extension, '__esModule')
    ? extension.default
    : extension;
  return Array.isArray(exports) ? exports : [exports];
}

export async function main() {
  const { JupyterLab } = require('@jupyterlab/application');
  const { IConnectionStatus, IServiceManager } = require('@jupyterlab/services');
  const registry = new JupyterPluginRegistry();
  const federated = JSON.parse(PageConfig.getOption('federated_extensions') || '[]');
  const federatedNames = new Set();
  const extensionPromises = [];
  const mimeExtensionPromises = [];
  const stylePromises = [];
  for (const data of federated) {
    federatedNames.add(data.name);
    if (data.extension) {
      extensionPromises.push(federatedModule(data.name, data.extension));
    }
    if (data.mimeExtension) {
      mimeExtensionPromises.push(federatedModule(data.name, data.mimeExtension));
    }
    if (data.style && !PageConfig.Extension.isDisabled(data.name)) {
      stylePromises.push(federatedModule(data.name, data.style));
    }
  }

  const disabled = [];
  const deferred = [];
  const ignorePlugins = [];
  const available = [];
  function* active(extension) {
    for (const plugin of pluginsOf(extension)) {
      const isDisabled = PageConfig.Extension.isDisabled(plugin.id);
      available.push({
        id: plugin.id,
        description: plugin.description,
        requires: plugin.requires ?? [],
        optional: plugin.optional ?? [],
        provides: plugin.provides ?? null,
        autoStart: plugin.autoStart,
        enabled: !isDisabled,
        extension: extension.__scope__,
      });
      if (isDisabled) {
        disabled.push(plugin.id);
        continue;
      }
      if (PageConfig.Extension.isDeferred(plugin.id)) {
        deferred.push(plugin.id);
        ignorePlugins.push(plugin.id);
      }
      yield plugin;
    }
  }

  const mimeExtensions = [];
  {{#each mimeExtensions}}
  if (!federatedNames.has('{{@key}}')) {
    try {
      const ext = require('{{@key}}{{#if this}}/{{this}}{{/if}}');
      ext.__scope__ = '{{@key}}';
      mimeExtensions.push(...active(ext));
    } catch (e) {
      console.error(e);
    }
  }
  {{/each}}
  for (const r of await Promise.allSettled(mimeExtensionPromises)) {
    if (r.status === 'fulfilled') {
      mimeExtensions.push(...active(r.value));
    } else {
      console.error(r.reason);
    }
  }

  const plugins = [];
  {{#each extensions}}
  if (!federatedNames.has('{{@key}}')) {
    try {
      const ext = require('{{@key}}{{#if this}}/{{this}}{{/if}}');
      ext.__scope__ = '{{@key}}';
      plugins.push(...active(ext));
    } catch (e) {
      console.error(e);
    }
  }
  {{/each}}
  for (const r of await Promise.allSettled(extensionPromises)) {
    if (r.status === 'fulfilled') {
      plugins.push(...active(r.value));
    } else {
      console.error(r.reason);
    }
  }
  for (const r of await Promise.allSettled(stylePromises)) {
    if (r.status === 'rejected') {
      console.error(r.reason);
    }
  }

  registry.registerPlugins(plugins);
  const connectionStatus = await registry.resolveOptionalService(IConnectionStatus);
  const serviceManager = await registry.resolveRequiredService(IServiceManager);
  const lab = new JupyterLab({
    pluginRegistry: registry,
    serviceManager,
    mimeExtensions,
    connectionStatus,
    disabled: { matches: disabled, patterns: PageConfig.Extension.disabled.map((v) => v.raw) },
    deferred: { matches: deferred, patterns: PageConfig.Extension.deferred.map((v) => v.raw) },
    availablePlugins: available,
  });
  await lab.start({ ignorePlugins, bubblingKeydown: true });
  // Browser tests reach the app through this handle (e.g. to switch themes by command).
  window.jupyterapp = lab;
}
