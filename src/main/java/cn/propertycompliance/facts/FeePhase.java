package cn.propertycompliance.facts;

/** PRELIMINARY: 前期物业, before the owners' assembly chose a provider; OWNER_CONTRACTED: chosen by the owners. */
public enum FeePhase { PRELIMINARY, OWNER_CONTRACTED }
