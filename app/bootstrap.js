// Entry point of the JupyterLab page: set the public path from the page config, load every
// prebuilt (federated) extension listed by the server, and only then import the app itself, so
// module federation can settle on one copy of each shared package first.

function pageConfig() {
  const el = document.getElementById('jupyter-config-data');
  return el ? JSON.parse(el.textContent || '{}') : {};
}

const config = pageConfig();
// eslint-disable-next-line no-undef
__webpack_public_path__ = (config.fullStaticUrl || '') + '/';

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.onerror = reject;
    script.onload = resolve;
    script.async = true;
    document.head.appendChild(script);
    script.src = url;
  });
}

async function loadRemote(url, scope) {
  await loadScript(url);
  // eslint-disable-next-line no-undef
  await __webpack_init_sharing__('default');
  // eslint-disable-next-line no-undef
  await window._JUPYTERLAB[scope].init(__webpack_share_scopes__.default);
}

void (async () => {
  const remotes = config.federated_extensions || [];
  const results = await Promise.allSettled(
    remotes.map((data) =>
      loadRemote(`${config.fullLabextensionsUrl}/${data.name}/${data.load}`, data.name),
    ),
  );
  for (const r of results) {
    if (r.status === 'rejected') {
      console.error(r.reason);
    }
  }
  const { main } = await import('./index.out.js');
  if (document.readyState === 'complete') {
    void main();
  } else {
    window.addEventListener('load', () => void main());
  }
})();
