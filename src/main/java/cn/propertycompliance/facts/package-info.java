/**
 * The facts rules match on. They double as the JSON request model of api.md: one record per fact block,
 * enums with the contract's UPPER_SNAKE values, money and areas as exact decimals.
 * Records are immutable, so a rule can never change what another rule sees.
 */
package cn.propertycompliance.facts;
