/** The WeCom platform module. */
package io.github.alertrouter.wecom;
