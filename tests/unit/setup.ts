import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speak } from '../harness/catalogue';

// Components and the modules that word what readers see speak English unless a test says otherwise.
speak(fakeBrowser, 'en');
