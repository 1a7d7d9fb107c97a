<<<<<<<< HEAD:internal/web/dist/assets/NotFound-XBKeQ8Cz.js
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-Dfn9EVr0.js";import{_}from"./index-D6Rr1WzG.js";import"./echarts-CoS-hWOu.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
========
import{P as a,Q as e,K as o,O as s,R as r,S as n,D as p}from"./vue-BwhYkfKI.js";import{_}from"./index-B2JMyeNc.js";import"./echarts-fv71TcJX.js";import"./map-Bf2PPzNR.js";const h={__name:"NotFound",setup(c){const t=o();return(u,i)=>(s(),a(_,{title:"404"},{default:e(()=>[r("p",null,n(p(t).path),1)]),_:1}))}};export{h as default};
>>>>>>>> bill15:internal/web/dist/assets/NotFound-CT_c5a5R.js
