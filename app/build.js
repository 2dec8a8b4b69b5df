// Builds the JupyterLab 4.6.4 frontend into build/ (static/, schemas/, themes/) for
// server/losslab_lab.py: a module-federation host in the manner of JupyterLab's own staging
// build, so prebuilt extensions such as @losslab/jupyterlab load into it unchanged.
const path = require('path');
const fs = require('fs-extra');
const Handlebars = require('handlebars');
const rspack = require('@rspack/core');
const merge = require('webpack-merge').default;
const baseConfig = require('@jupyter/builder/lib/webpack.config.base');
const { Build } = require('@jupyter/builder');
const pkg = require('./package.json');

const jlab = pkg.jupyterlab;
const buildDir = path.join(__dirname, 'build');
const staticDir = path.join(buildDir, 'static');
const extensionPackages = [
  ...new Set([...Object.keys(jlab.extensions), ...Object.keys(jlab.mimeExtensions)]),
];

fs.removeSync(buildDir);
fs.ensureDirSync(buildDir);

// Copies schemas into build/schemas, writes build/style.js, returns one config per theme.
const themeConfigs = Build.ensureAssets({ packageNames: extensionPackages, output: buildDir });

const main = Handlebars.compile(fs.readFileSync(path.join(__dirname, 'main.js.tmpl'), 'utf8'));
fs.writeFileSync(
  path.join(buildDir, 'index.out.js'),
  main({ extensions: jlab.extensions, mimeExtensions: jlab.mimeExtensions }),
);
fs.copySync(path.join(__dirname, 'bootstrap.js'), path.join(buildDir, 'bootstrap.js'));

// Everything the app pins is shared, so a prebuilt extension reuses the app's copies.
const shared = {};
for (const [name, requiredVersion] of Object.entries(pkg.overrides)) {
  shared[name] = { requiredVersion };
}
for (const name of extensionPackages) {
  const data = require(`${name}/package.json`);
  shared[name] ??= { requiredVersion: data.version };
  for (const [dep, requiredVersion] of Object.entries(data.dependencies ?? {})) {
    shared[dep] ??= { requiredVersion };
  }
}
for (const name of jlab.singletonPackages) {
  shared[name].singleton = true;
}

const appConfig = merge(baseConfig, {
  mode: 'production',
  context: __dirname,
  entry: { main: path.join(buildDir, 'bootstrap.js') },
  output: {
    path: staticDir,
    // Replaced at run time from the page config (bootstrap.js); the server fills in the HTML.
    publicPath: '{{page_config.fullStaticUrl}}/',
    filename: '[name].[contenthash].js',
  },
  // Unminified: minifying 10 MB on a shared 2-core machine costs a minute for no gain on loopback.
  optimization: { minimize: false, splitChunks: { chunks: 'all' } },
  devtool: false,
  externals: ['ws'],
  performance: { hints: false },
  plugins: [
    new rspack.container.ModuleFederationPlugin({
      library: { type: 'var', name: ['_JUPYTERLAB', 'CORE_LIBRARY_FEDERATION'] },
      name: 'CORE_FEDERATION',
      shared,
    }),
  ],
});

function indexHtml(scripts) {
  const tags = scripts
    .map((file) => `<script defer src="{{ page_config.fullStaticUrl }}/${file}"></script>`)
    .join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${jlab.name}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    {% set page_config_full = page_config.copy() %}
    {% set _ = page_config_full.update(baseUrl=base_url, wsUrl=ws_url) %}
    <script id="jupyter-config-data" type="application/json">
      {{ page_config_full | tojson }}
    </script>
    ${tags}
  </head>
  <body class="jp-ThemedContainer"></body>
</html>
`;
}

const t0 = Date.now();
rspack([appConfig, ...themeConfigs]).run((err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  const app = stats.stats[0].toJson({ all: false, entrypoints: true });
  const scripts = app.entrypoints.main.assets.map((a) => a.name).filter((n) => n.endsWith('.js'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), indexHtml(scripts));
  fs.writeJsonSync(path.join(staticDir, 'package.json'), {
    name: pkg.name,
    version: '4.6.4',
    jupyterlab: {},
  });
  console.log(`[app] JupyterLab 4.6.4 built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});
