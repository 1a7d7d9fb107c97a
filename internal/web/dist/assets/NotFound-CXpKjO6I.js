<<<<<<<< HEAD:internal/web/dist/assets/NotFound-CXpKjO6I.js
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-BwhYkfKI.js";import{_}from"./index-DQnoVuL9.js";import"./echarts-fv71TcJX.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
========
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-Gkn99IW2.js";import{_}from"./index-CYW2tBf2.js";import"./echarts-DdDuQlxz.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
>>>>>>>> perm13:internal/web/dist/assets/NotFound-BXc4w3X1.js
