#!/usr/bin/env node
// Copies third-party browser bundles into force-app static resources, unchanged (licence headers kept),
// with their resource-meta.xml. Run after `npm ci` when a bundled dependency is upgraded; commit the output.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'force-app', 'main', 'default', 'staticresources');

// chart.js's "exports" map hides dist/ and package.json from require.resolve, so read them by path.
const chartjsDir = path.join(root, 'node_modules', 'chart.js');

const resources = [
  {
    name: 'chartjs',
    source: path.join(chartjsDir, 'dist', 'chart.umd.js'),
    packageJson: path.join(chartjsDir, 'package.json'),
    contentType: 'application/javascript',
    extension: 'js',
  },
];

function metaXml({ contentType, description }) {
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
    '  <cacheControl>Public</cacheControl>',
    `  <contentType>${contentType}</contentType>`,
    `  <description>${description}</description>`,
    '</StaticResource>',
    '',
  ].join('\n');
}

function build() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const resource of resources) {
    const pkg = JSON.parse(fs.readFileSync(resource.packageJson, 'utf8'));
    const body = fs.readFileSync(resource.source, 'utf8');
    if (!body.startsWith('/*!')) {
      throw new Error(`${resource.source} lost its licence header; refusing to publish it`);
    }
    const target = path.join(outDir, `${resource.name}.${resource.extension}`);
    fs.writeFileSync(target, body);
    fs.writeFileSync(
      path.join(outDir, `${resource.name}.resource-meta.xml`),
      metaXml({
        contentType: resource.contentType,
        description: `${pkg.name} ${pkg.version} (${pkg.license}), copied from ${path.relative(root, resource.source)}`,
      }),
    );
    console.log(`${path.relative(root, target)} <- ${pkg.name}@${pkg.version}`);
  }
}

build();
