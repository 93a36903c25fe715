/* global document, location, URLSearchParams */
// A page that renders caseJsonSchema({ locale: 'sv' }) with react-jsonschema-form, the most used JSON-schema
// form library, exactly as a city's developer would feed it. Bundled and opened by test/app.browser.test.ts.
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { caseJsonSchema } from 'iop-rules';

const target = new URLSearchParams(location.search).get('target') === 'draft-07' ? 'draft-07' : 'draft-2020-12';
const schema = caseJsonSchema({ locale: 'sv', target });
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement(Form, { schema, validator }));
